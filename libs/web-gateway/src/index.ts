export { startWebGateway, type WebGateway, type WebGatewayOptions, type WebSignIn } from './web-gateway';
export { webGatewayOptionsFromEnv } from './web-gateway-env';
export { API_PREFIXES } from './api-prefixes';
