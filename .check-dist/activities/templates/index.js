Object.defineProperty(exports, '__esModule', { value: true });
exports.renderOrderConfirmation = void 0;
exports.renderReminder = renderReminder;
const cart_1 = require('./cart');
const friendly_1 = require('./friendly');
const last_chance_1 = require('./last-chance');
var order_confirmation_1 = require('./order-confirmation');
Object.defineProperty(exports, 'renderOrderConfirmation', {
  enumerable: true,
  get: () => order_confirmation_1.renderOrderConfirmation,
});
const REMINDER_TEMPLATES = {
  friendly: friendly_1.renderFriendly,
  cart: cart_1.renderCart,
  'last-chance': last_chance_1.renderLastChance,
};
function renderReminder(template, view) {
  const render = REMINDER_TEMPLATES[template];
  if (!render) throw new Error(`unknown reminder template "${String(template)}"`);
  return render(view);
}
//# sourceMappingURL=index.js.map
