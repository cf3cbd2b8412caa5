Object.defineProperty(exports, '__esModule', { value: true });
exports.PROJECT_ROOT = void 0;
exports.dataDirFrom = dataDirFrom;
// Where the project's own files are (the default schedule and policy files) and where the embedded
// parts keep theirs (DATA_DIR), from the source tree and from dist/ alike.
const node_path_1 = require('node:path');
exports.PROJECT_ROOT = (0, node_path_1.join)(
  __dirname,
  '..',
  __dirname.includes(`${(0, node_path_1.join)('dist', 'config')}`) ? '..' : '',
);
/** Where the embedded parts keep their files (npm start also keeps its dev link secret there). */
function dataDirFrom(env) {
  return env.DATA_DIR || (0, node_path_1.join)(exports.PROJECT_ROOT, '.data');
}
//# sourceMappingURL=project-paths.js.map
