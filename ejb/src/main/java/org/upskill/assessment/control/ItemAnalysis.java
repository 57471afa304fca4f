package org.upskill.assessment.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classical item analysis over submitted attempts, as Moodle's quiz statistics report it:
 *
 * <ul>
 *   <li><b>facility index</b>: the mean mark on the question as a percentage of its marks (how easy
 *       it was; very high or very low says little about who knows the topic);
 *   <li><b>discrimination index</b>: the correlation (Pearson, ×100) between the mark on the
 *       question and the mark on the <em>rest</em> of the attempt. Good questions score above 30;
 *       near 0 or negative means those who did well overall did no better on it — a question to
 *       check for a wrong key or an ambiguous wording.
 * </ul>
 *
 * A question needs at least two attempts with some variation in both marks for a discrimination
 * index; otherwise it is {@code null}.
 */
public final class ItemAnalysis {

  private ItemAnalysis() {}

  /** One submitted attempt: each question's mark (fraction 0–1 and its points). */
  public record AttemptMarks(Map<Long, Item> items) {
    public double total() {
      return items.values().stream().mapToDouble(Item::score).sum();
    }

    public double max() {
      return items.values().stream().mapToDouble(i -> i.points().doubleValue()).sum();
    }
  }

  /** A question's mark in one attempt. */
  public record Item(BigDecimal fraction, BigDecimal points) {
    double score() {
      return fraction.doubleValue() * points.doubleValue();
    }
  }

  /** A question's statistics; {@code discrimination} is {@code null} when it cannot be computed. */
  public record Statistics(
      long questionId, int attempts, BigDecimal facility, BigDecimal discrimination) {}

  /** Statistics per question, in the order questions first appear. */
  public static List<Statistics> of(List<AttemptMarks> attempts) {
    Map<Long, List<double[]>> pairs = new LinkedHashMap<>();
    for (var attempt : attempts) {
      var total = attempt.total();
      var max = attempt.max();
      for (var entry : attempt.items().entrySet()) {
        var item = entry.getValue();
        var restMax = max - item.points().doubleValue();
        var rest = restMax <= 0 ? 0 : (total - item.score()) / restMax;
        pairs
            .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
            .add(new double[] {item.fraction().doubleValue(), rest});
      }
    }
    var result = new ArrayList<Statistics>();
    pairs.forEach(
        (question, values) -> {
          var facility = values.stream().mapToDouble(v -> v[0]).average().orElse(0) * 100;
          result.add(
              new Statistics(
                  question,
                  values.size(),
                  BigDecimal.valueOf(facility).setScale(1, RoundingMode.HALF_UP),
                  correlation(values)));
        });
    return result;
  }

  private static BigDecimal correlation(List<double[]> values) {
    var n = values.size();
    if (n < 2) {
      return null;
    }
    double meanX = 0;
    double meanY = 0;
    for (var v : values) {
      meanX += v[0];
      meanY += v[1];
    }
    meanX /= n;
    meanY /= n;
    double covariance = 0;
    double varianceX = 0;
    double varianceY = 0;
    for (var v : values) {
      covariance += (v[0] - meanX) * (v[1] - meanY);
      varianceX += (v[0] - meanX) * (v[0] - meanX);
      varianceY += (v[1] - meanY) * (v[1] - meanY);
    }
    if (varianceX < 1e-12 || varianceY < 1e-12) {
      return null;
    }
    var r = covariance / Math.sqrt(varianceX * varianceY);
    return BigDecimal.valueOf(r * 100).setScale(1, RoundingMode.HALF_UP);
  }
}
