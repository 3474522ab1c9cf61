// Lets a Node worker thread run a TypeScript module (the benchmarks' engine workers) through tsx.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
