// Preload for node (`node --require ./loopback.cjs ...` or NODE_OPTIONS="--require /abs/loopback.cjs"):
// forces every TCP net.Server.listen (http, ws, express, port probes) onto 127.0.0.1.
// The Microsoft 365 Agents Playground otherwise listens on all interfaces (0.0.0.0 / ::).
// Unix sockets / pipes (listen(path)) and inherited handles are left alone.
"use strict";
const net = require("node:net");

const HOST = "127.0.0.1";
const originalListen = net.Server.prototype.listen;

function isPortLike(value) {
  return typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (first !== null && typeof first === "object" && !Array.isArray(first)) {
    // listen(options[, cb]); handles ({ _handle } / { fd }) and paths keep their meaning.
    const isHandle = "_handle" in first || "fd" in first || typeof first.path === "string";
    if (!isHandle) {
      args[0] = { ...first, host: HOST };
    }
  } else if (first === undefined || typeof first === "function") {
    // listen() / listen(cb): random port on all interfaces -> random port on loopback.
    args.splice(0, first === undefined && args.length > 0 ? 1 : 0, 0, HOST);
  } else if (isPortLike(first)) {
    if (typeof args[1] === "string" || args[1] === null || (args.length > 1 && args[1] === undefined)) {
      args[1] = HOST; // listen(port, host, ...)
    } else {
      args.splice(1, 0, HOST); // listen(port[, backlog][, cb])
    }
  }
  return originalListen.apply(this, args);
};
