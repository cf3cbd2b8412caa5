Object.defineProperty(exports, '__esModule', { value: true });
//# sourceMappingURL=dependencies.js.map
