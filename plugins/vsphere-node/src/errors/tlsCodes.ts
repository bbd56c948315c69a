// Node's and OpenSSL's codes for a server certificate that cannot be verified: the fix is the CA in config.
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

// The handshake itself failed (e.g. plain HTTP on the port): no certificate was checked.
const HANDSHAKE_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO']);

/** Whether a Node error code says the server's certificate could not be verified. */
export function isTlsCertificateError(code: string | undefined): boolean {
  return code !== undefined && CERTIFICATE_CODES.has(code);
}

/** Whether a Node error code says the TLS handshake failed before any certificate was checked. */
export function isTlsHandshakeError(code: string | undefined): boolean {
  return code !== undefined && HANDSHAKE_CODES.has(code);
}
