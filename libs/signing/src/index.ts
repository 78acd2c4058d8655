export * from './pdf-signer';
export * from './self-signed-p12.util';
export * from './signed-pdf-verifier';
export * from './signing-identity';
