Object.defineProperty(exports, '__esModule', { value: true });
//# sourceMappingURL=channel-sender.js.map
