package org.provisio.server.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's key manager, whose key and certificate can be replaced while it serves: each handshake
 * asks it for the current ones, so new connections get the new certificate and connections already
 * open keep theirs. Each installed generation has an alias of its own, and the one before stays
 * reachable, so that a handshake that chose its alias just before a reload still finds its key.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private record Generation(String alias, X509ExtendedKeyManager keys, KeyMaterial material) {
    }

    private volatile Generation current;
    private volatile Generation previous;
    private long generations;

    ReloadingKeyManager(KeyMaterial material) {
        install(material);
    }

    /** Serves {@code material} to every handshake from now on. */
    synchronized void install(KeyMaterial material) {
        String alias = "provisio-" + (++generations);
        Generation next = new Generation(alias, keyManager(alias, material), material);
        previous = current;
        current = next;
    }

    KeyMaterial material() {
        return current.material();
    }

    private static X509ExtendedKeyManager keyManager(String alias, KeyMaterial material) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, material.key(), IN_MEMORY, material.chain().toArray(new X509Certificate[0]));
            // SunX509 names the entry by its own alias, which tells the generations apart
            KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
            factory.init(store, IN_MEMORY);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509ExtendedKeyManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the SunX509 key manager factory made no X.509 key manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("an in-memory key store cannot be built: " + e.getMessage(), e);
        }
    }

    private Generation of(String alias) {
        Generation g = current;
        if (g.alias().equals(alias)) {
            return g;
        }
        Generation p = previous;
        return p != null && p.alias().equals(alias) ? p : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return current.keys().chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return current.keys().chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return current.keys().getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Generation g = alias == null ? null : of(alias);
        return g == null ? null : g.keys().getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Generation g = alias == null ? null : of(alias);
        return g == null ? null : g.keys().getPrivateKey(alias);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
