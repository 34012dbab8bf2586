// History <-> the JSON of `temporal workflow show -o json` and the UI's download. The SDK's own
// historyToJSON/historyFromJSON (@temporalio/common/lib/proto-utils) fail in this install
// ("type must be a Type"): @temporalio/common and @temporalio/proto each got a private copy
// of protobufjs 8, and the JSON codec of one refuses the other's types. This does the same with
// the protobufjs copy @temporalio/proto itself uses.
import { createRequire } from 'node:module';
import type { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;
interface ProtoJson {
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
  toJson(type: unknown, message: unknown): unknown;
}
interface ProtoRoot {
  lookupType(name: string): { fromObject(o: unknown): unknown };
}

const require = createRequire(import.meta.url);
const protoEntry = require.resolve('@temporalio/proto');
const fromProto = createRequire(protoEntry);
const protojson = fromProto('protobufjs/ext/protojson') as ProtoJson;
const { patchProtobufRoot } = fromProto('@temporalio/proto/lib/patch-protobuf-root') as { patchProtobufRoot: (root: unknown) => ProtoRoot };
const historyType = patchProtobufRoot(fromProto(protoEntry)).lookupType('temporal.api.history.v1.History');

export function historyToJson(history: History): unknown {
  return protojson.toJson(historyType, historyType.fromObject(history));
}

export function historyFromJson(json: unknown): History {
  const history = protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History | null;
  if (!history?.events?.length) throw new TypeError('not a workflow history');
  return history;
}
