package org.upskill.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.upskill.catalog.control.ImageType;
import org.upskill.catalog.entity.Media;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;

/**
 * Images for lessons: a course's authors upload them (PNG, JPEG, GIF or WebP, recognised by their
 * bytes, at most {@link #MAX_BYTES}); they are kept in the database and served by an unguessable
 * address, {@code /media/{key}}.
 */
@Stateless
public class MediaLibrary {

  public static final int MAX_BYTES = 2_000_000;

  /** An image as served. */
  public record MediaFile(String contentType, byte[] content) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  Clock clock = Clock.systemUTC();

  /**
   * Keeps an image for a draft course's lessons.
   *
   * @return its address, {@code /media/{key}}
   * @throws Refusal 409 when the file is too large or not an accepted image
   */
  public String upload(Staff author, String code, String fileName, byte[] bytes) {
    var course = CourseAccess.draft(em, author, code);
    if (bytes.length == 0) {
      throw Refusal.conflict("Choose an image to upload.");
    }
    if (bytes.length > MAX_BYTES) {
      throw Refusal.conflict("The image is larger than 2 MB: make it smaller and try again.");
    }
    var type =
        ImageType.of(bytes)
            .orElseThrow(
                () -> Refusal.conflict("The file must be a PNG, JPEG, GIF or WebP image."));
    var key = new byte[32];
    RANDOM.nextBytes(key);
    var media =
        new Media(
            Base64.getUrlEncoder().withoutPadding().encodeToString(key),
            course.getId(),
            author.personId(),
            Instant.now(clock),
            fileName == null || fileName.isBlank()
                ? "image"
                : fileName.substring(0, Math.min(255, fileName.length())),
            type,
            sha256(bytes),
            bytes);
    em.persist(media);
    em.flush();
    return "/media/" + media.getKey();
  }

  /** The image with this key, if there is one. */
  public Optional<MediaFile> find(String key) {
    return em.createQuery("select m from Media m where m.key = :key", Media.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst()
        .map(m -> new MediaFile(m.getContentType(), m.getContent()));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
