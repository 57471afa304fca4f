package org.upskill.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upskill.integration.boundary.Webhooks;
import org.upskill.web.platform.Viewer;

/**
 * {@code /admin/webhooks}: every HR client's webhooks and the latest deliveries of each (state,
 * attempts, the receiver's last answer), for admins only.
 */
@Named
@RequestScoped
public class AdminWebhooksPage {

  static final int LOG_LINES = 20;

  @Inject Webhooks webhooks;
  @Inject Viewer viewer;

  private final Map<Webhooks.SubscriptionView, List<Webhooks.DeliveryView>> logs =
      new LinkedHashMap<>();

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    if (!viewer.hasRole("admin")) {
      viewer.refuse(403, "Only admins see the webhooks' delivery logs.");
      return;
    }
    for (var subscription : webhooks.all()) {
      logs.put(subscription, webhooks.deliveries(null, subscription.id(), LOG_LINES));
    }
  }

  /** The receiver's last answer: its HTTP status, or why there was none. */
  public String answer(Webhooks.DeliveryView delivery) {
    if (delivery.lastStatus() != null) {
      return "HTTP " + delivery.lastStatus();
    }
    return delivery.lastError() == null ? "–" : delivery.lastError();
  }

  /** A subscription's event types, listed. */
  public String types(Webhooks.SubscriptionView subscription) {
    return String.join(", ", subscription.eventTypes());
  }

  public List<Map.Entry<Webhooks.SubscriptionView, List<Webhooks.DeliveryView>>> getLogs() {
    return List.copyOf(logs.entrySet());
  }
}
