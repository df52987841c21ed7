/** Trap's trace files as the integration tests read them. */
class TraceJson {

  /**
   * Schema 2: gives each call the fields of its method, which the file holds once, in
   * "methods", and the call names by its place ("m").
   */
  static Map resolveMethods(Map trace) {
    def stack = new ArrayDeque(trace.roots)
    while (stack) {
      Map call = stack.pop()
      trace.methods[call.m as int].each { k, v -> if (!call.containsKey(k)) { call[k] = v } }
      call.children.each { stack.push(it) }
    }
    return trace
  }
}
