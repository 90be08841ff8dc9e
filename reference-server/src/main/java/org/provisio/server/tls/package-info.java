/**
 * HTTPS for the reference server: the certificate chain and private key from PEM files or a PKCS#12
 * keystore, TLS 1.2 and 1.3 with forward-secret AEAD cipher suites only, and the certificate
 * reloaded when its files change.
 */
package org.provisio.server.tls;
