// What a declined or failed payment means, as data copied into each order workflow's input: per
// normalised code, whether the shopper may retry the same method, whether the next provider is
// tried, and whether the issuer wants a 3-D Secure step-up. Pure: the workflow imports it.

export type DeclineKind = 'hard' | 'soft';

export interface DeclineRule {
  kind: DeclineKind;
  /** The same method may succeed later (insufficient funds, a busy issuer). */
  retryable: boolean;
  /** Try the next provider holding a token for the method. */
  failover: boolean;
  /** The issuer wants the shopper to authenticate: answer `requires_action`. */
  stepUp?: boolean;
  /** What the shopper reads. */
  message: string;
}

export type DeclineRules = Record<string, DeclineRule>;

/** Normalised codes (providers map theirs onto these: checkout/payments/*-codes). */
export const DEFAULT_DECLINE_RULES: DeclineRules = {
  card_declined: { kind: 'hard', retryable: false, failover: false, message: 'Your card was declined.' },
  insufficient_funds: {
    kind: 'soft',
    retryable: true,
    failover: false,
    message: 'Your card has insufficient funds.',
  },
  incorrect_cvc: {
    kind: 'hard',
    retryable: false,
    failover: false,
    message: "Your card's security code is incorrect.",
  },
  expired_card: { kind: 'hard', retryable: false, failover: false, message: 'Your card has expired.' },
  fraudulent: { kind: 'hard', retryable: false, failover: false, message: 'Your card was declined.' },
  lost_or_stolen: { kind: 'hard', retryable: false, failover: false, message: 'Your card was declined.' },
  issuer_unavailable: {
    kind: 'soft',
    retryable: true,
    failover: true,
    message: "Your card's bank could not be reached.",
  },
  processing_error: {
    kind: 'soft',
    retryable: true,
    failover: true,
    message: 'The payment could not be processed.',
  },
  authentication_required: {
    kind: 'soft',
    retryable: true,
    failover: false,
    stepUp: true,
    message: 'Your bank asks you to confirm this payment.',
  },
  authentication_failed: {
    kind: 'soft',
    retryable: true,
    failover: false,
    message: 'Your bank did not confirm the payment.',
  },
};

/** Unknown codes are hard declines without failover: never charge a second provider on a guess. */
export function ruleFor(rules: DeclineRules, code: string): DeclineRule {
  return rules[code] ?? { kind: 'hard', retryable: false, failover: false, message: 'Your payment was declined.' };
}
