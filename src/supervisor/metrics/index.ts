export { createTreeSampler, type TreeSample, type TreeSampler, type TreeSamplerOptions } from './tree-sampler.js';
export { createHostSampler, type HostMetrics, type HostSampler, type HostSamplerOptions } from './host-sampler.js';
export { pushHistory } from './history.js';
