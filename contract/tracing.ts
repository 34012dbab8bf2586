// Kafka record headers that may carry a trace (W3C Trace Context): the upstream, downstream and
// fan-out records of a traced message have them. They are only ever read to place spans in a
// trace; a record without them, or with malformed ones, is handled like any other.
export const TRACE_PARENT_HEADER = 'traceparent';
export const TRACE_STATE_HEADER = 'tracestate';
