// mjml 5 ships no types; what this project uses of it (its compile is async since 5).
declare module 'mjml' {
  namespace mjml2html {
    interface MjmlError {
      line: number;
      message: string;
      tagName: string;
      formattedMessage: string;
    }
    interface MjmlOptions {
      validationLevel?: 'strict' | 'soft' | 'skip';
      keepComments?: boolean;
      minify?: boolean;
    }
  }
  function mjml2html(
    source: string,
    options?: mjml2html.MjmlOptions,
  ): Promise<{ html: string; errors: mjml2html.MjmlError[] }>;
  export = mjml2html;
}
