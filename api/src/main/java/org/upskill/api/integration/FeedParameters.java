package org.upskill.api.integration;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upskill.platform.control.DateBounds;

/**
 * The completions feed's query parameters, read strictly: an unknown parameter, a malformed cursor
 * or date, or a limit out of range is an error naming the parameter and why (never ignored).
 * Cursors are opaque to clients: {@code v1:<sequence>} in base64url.
 */
public final class FeedParameters {

  static final Set<String> KNOWN =
      Set.of("cursor", "updatedSince", "limit", "course", "organisation", "person");
  static final int MAX_LIMIT = 1000;
  static final int DEFAULT_LIMIT = 100;

  final long after;
  final Instant updatedSince;
  final int limit;
  final String course;
  final String organisation;
  final String person;
  final Map<String, String> errors;

  private FeedParameters(Map<String, List<String>> query, boolean paged) {
    var errors = new LinkedHashMap<String, String>();
    for (var name : query.keySet()) {
      if (!KNOWN.contains(name) || (!paged && (name.equals("cursor") || name.equals("limit")))) {
        errors.put(name, "Unknown parameter. Known ones: " + (paged ? KNOWN : filters()) + ".");
      } else if (query.get(name).size() > 1) {
        errors.put(name, "Give it once.");
      }
    }
    var cursorText = single(query, "cursor");
    long after = 0;
    if (cursorText != null) {
      var decoded = decode(cursorText);
      if (decoded < 0) {
        errors.put("cursor", "Not a cursor this API gave out: use nextCursor as it came.");
      } else {
        after = decoded;
      }
    }
    var sinceText = single(query, "updatedSince");
    Instant since = null;
    if (sinceText != null) {
      try {
        since = Instant.parse(sinceText);
        if (!DateBounds.accepts(since)) {
          errors.put(
              "updatedSince",
              "A date and time " + DateBounds.range() + " (UTC), like 2026-11-30T00:00:00Z.");
          since = null;
        }
      } catch (DateTimeParseException e) {
        errors.put(
            "updatedSince", "Not a date and time in ISO 8601 UTC, like 2026-11-30T00:00:00Z.");
      }
    }
    var limitText = single(query, "limit");
    int limit = DEFAULT_LIMIT;
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
        if (limit < 1 || limit > MAX_LIMIT) {
          errors.put("limit", "From 1 to " + MAX_LIMIT + ".");
        }
      } catch (NumberFormatException e) {
        errors.put("limit", "A whole number from 1 to " + MAX_LIMIT + ".");
      }
    }
    this.after = after;
    this.updatedSince = since;
    this.limit = limit;
    this.course = blankless(single(query, "course"), "course", errors);
    this.organisation = blankless(single(query, "organisation"), "organisation", errors);
    this.person = blankless(single(query, "person"), "person", errors);
    this.errors = errors;
  }

  /** The feed's parameters (with cursor and limit). */
  static FeedParameters ofFeed(Map<String, List<String>> query) {
    return new FeedParameters(query, true);
  }

  /** The export's parameters (the feed's filters, no paging). */
  static FeedParameters ofExport(Map<String, List<String>> query) {
    return new FeedParameters(query, false);
  }

  private static Set<String> filters() {
    return Set.of("updatedSince", "course", "organisation", "person");
  }

  private static String single(Map<String, List<String>> query, String name) {
    var values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String blankless(String value, String name, Map<String, String> errors) {
    if (value != null && value.isBlank()) {
      errors.put(name, "Give a value or leave the parameter out.");
      return null;
    }
    return value == null ? null : value.strip();
  }

  /** The cursor that continues after {@code sequence}. */
  static String cursor(long sequence) {
    return org.upskill.api.platform.Cursors.encode("v1", sequence);
  }

  /** The sequence a cursor continues after, or -1 when it is not one of ours. */
  static long decode(String cursor) {
    return org.upskill.api.platform.Cursors.decode("v1", cursor);
  }
}
