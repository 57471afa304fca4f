package org.upskill.certification.boundary;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuer's signing key for credentials (RSA 2048, RS256). It comes from configuration: the JWK
 * itself ({@code UPSKILL_ISSUER_KEY}) or a file holding it ({@code UPSKILL_ISSUER_KEY_FILE}). When
 * neither holds a key, one is generated once into that file (by default in the server's data
 * folder; {@code ./upskill start} points it into its cache folder) so that the demo works. Several
 * nodes must share the key: give them the same configuration.
 */
@Singleton
@Startup
public class IssuerKeys {

  private static final Logger LOG = Logger.getLogger(IssuerKeys.class.getName());

  @Inject
  @ConfigProperty(name = "upskill.issuer.key")
  Optional<String> inlineKey;

  @Inject
  @ConfigProperty(name = "upskill.issuer.key-file")
  Optional<String> keyFile;

  private RSAKey key;

  @PostConstruct
  void load() {
    try {
      if (inlineKey.isPresent() && !inlineKey.get().isBlank()) {
        key = RSAKey.parse(inlineKey.get());
      } else {
        var file =
            Path.of(
                keyFile
                    .filter(f -> !f.isBlank())
                    .orElse(
                        System.getProperty("jboss.server.data.dir", ".")
                            + "/upskill-issuer-key.json"));
        if (Files.exists(file)) {
          key = RSAKey.parse(Files.readString(file));
        } else {
          key =
              new RSAKeyGenerator(2048)
                  .keyUse(KeyUse.SIGNATURE)
                  .algorithm(JWSAlgorithm.RS256)
                  .keyIDFromThumbprint(true)
                  .generate();
          Files.createDirectories(file.toAbsolutePath().getParent());
          Files.writeString(file, key.toJSONString());
          try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
          } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's permissions protect it
          }
          LOG.info(() -> "Generated the credential issuer's key into " + file);
        }
      }
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("The credential issuer's key is not a usable RSA JWK", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!key.isPrivate()) {
      throw new IllegalStateException("The credential issuer's key has no private part");
    }
  }

  /** The key that signs (private). */
  public RSAKey signingKey() {
    return key;
  }

  /** The public key alone, to verify with. */
  public RSAKey publicKey() {
    return key.toPublicJWK();
  }

  /** The public keys as a JWKS document. */
  public String jwks() {
    return new JWKSet(publicKey()).toString(true);
  }
}
