#!/usr/bin/env node
// Runs the TypeScript entry through tsx so that `npm start` and `npx newsdesk` need no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
