import { registerSW } from 'virtual:pwa-register';
import { allowServiceWorkerScript } from '@/features/offline/trusted-types';

// Loaded only when the worker is registered (register-service-worker.ts), so the policy costs
// the first screen nothing.
allowServiceWorkerScript(`${import.meta.env.BASE_URL}sw.js`);

export { registerSW };
