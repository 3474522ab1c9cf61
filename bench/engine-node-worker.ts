// The engine behind Comlink in a Node worker thread: the same adapter shape as workers/engine.worker.ts.
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { evaluate } from '../src/lib/model';

expose({ evaluate }, nodeEndpoint(parentPort!));
