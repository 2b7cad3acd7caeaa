export { startWebGateway, type WebGateway, type WebGatewayOptions, type WebSignIn } from './web-gateway';
export { API_PREFIXES } from './api-prefixes';
