package org.upskill.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.security.SignedIn;

/**
 * The person looking at the page, and the small things every page bean needs: sending them to sign
 * in, refusing with the right status, and one-time notices after an action.
 */
@Named
@RequestScoped
public class Viewer {

  static final String NOTICES = Viewer.class.getName() + ".notices";

  @Inject HttpServletRequest request;

  /** The signed-in person, or null. */
  public SignedIn signedIn() {
    return SignedIn.from(request);
  }

  public boolean isSignedIn() {
    return signedIn() != null;
  }

  public Long personId() {
    var signedIn = signedIn();
    return signedIn == null ? null : signedIn.personId();
  }

  public boolean hasRole(String role) {
    var signedIn = signedIn();
    return signedIn != null && signedIn.hasRole(role);
  }

  /** The path of the page being shown, as the browser asked for it. */
  public String path() {
    var original = (String) request.getAttribute("jakarta.servlet.forward.request_uri");
    var uri = original != null ? original : request.getRequestURI();
    return uri.substring(request.getContextPath().length());
  }

  /** The part of the service the page belongs to, for the navigation's current item. */
  public String getSection() {
    var path = path();
    if (path.equals("/") || path.startsWith("/courses")) {
      return "courses";
    }
    var slash = path.indexOf('/', 1);
    return slash < 0 ? path.substring(1) : path.substring(1, slash);
  }

  /** Sends the browser to sign in and back here; answers false so a view action can stop. */
  public boolean requireSignIn() {
    if (isSignedIn()) {
      return true;
    }
    var context = FacesContext.getCurrentInstance();
    try {
      context
          .getExternalContext()
          .redirect(
              request.getContextPath()
                  + "/signin?next="
                  + URLEncoder.encode(path(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
    return false;
  }

  /** Ends the page with an error page of the refusal's status and words. */
  public void refuse(Refusal refusal) {
    refuse(Errors.status(refusal), refusal.getMessage());
  }

  /** Ends the page with an error page of this status and words. */
  public void refuse(int status, String message) {
    var context = FacesContext.getCurrentInstance();
    try {
      context.getExternalContext().responseSendError(status, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
  }

  /** Keeps a notice for the next page this person sees (after a redirect). */
  public static void notice(HttpServletRequest request, String text) {
    @SuppressWarnings("unchecked")
    var notices = (List<String>) request.getSession().getAttribute(NOTICES);
    var updated = notices == null ? new ArrayList<String>() : new ArrayList<>(notices);
    updated.add(text);
    request.getSession().setAttribute(NOTICES, updated);
  }

  /** Keeps a notice for the next page this person sees (after a redirect). */
  public void notice(String text) {
    notice(request, text);
  }

  /**
   * Ends a form's action by sending the browser to {@code path} of the site (the "redirect" of
   * post/redirect/get): a reload of the page it lands on does not post the form again.
   */
  public void redirect(String path) {
    try {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect(request.getContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Refuses one field of a Faces form: the message goes beside the field whose element id is {@code
   * fieldId} and into the error summary ({@link #getFieldErrors}), and the page is shown again in
   * the answer to the post, with what was typed.
   */
  public void fieldError(String fieldId, String message) {
    var context = FacesContext.getCurrentInstance();
    context.addMessage(fieldId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    context.validationFailed();
  }

  /**
   * The field errors of this request's Faces form, by element id, in the order they were found
   * (what {@code up:errorSummary} lists); empty when nothing was refused.
   */
  public Map<String, String> getFieldErrors() {
    var context = FacesContext.getCurrentInstance();
    var errors = new LinkedHashMap<String, String>();
    if (context == null) {
      return errors;
    }
    context
        .getClientIdsWithMessages()
        .forEachRemaining(
            id -> {
              if (id != null) {
                context.getMessageList(id).stream()
                    .findFirst()
                    .ifPresent(message -> errors.put(id, message.getSummary()));
              }
            });
    return errors;
  }

  private List<String> notices;

  /** Notices kept for this page, shown once. */
  @SuppressWarnings("unchecked")
  public List<String> getNotices() {
    if (notices == null) {
      var session = request.getSession(false);
      var kept = session == null ? null : (List<String>) session.getAttribute(NOTICES);
      if (kept == null) {
        notices = List.of();
      } else {
        session.removeAttribute(NOTICES);
        notices = kept;
      }
    }
    return notices;
  }

  /** Form errors and typed values kept across the redirect after a refused form. */
  public static void keepForm(
      HttpServletRequest request,
      String form,
      Map<String, String> errors,
      Map<String, String> values) {
    request.getSession().setAttribute(form + ".errors", errors);
    request.getSession().setAttribute(form + ".values", values);
  }

  /** Takes the kept errors of a form (field → message), once. */
  @SuppressWarnings("unchecked")
  public Map<String, String> takeErrors(String form) {
    var session = request.getSession(false);
    if (session == null) {
      return Map.of();
    }
    var errors = (Map<String, String>) session.getAttribute(form + ".errors");
    session.removeAttribute(form + ".errors");
    return errors == null ? Map.of() : errors;
  }

  /** Takes the kept typed values of a form, once. */
  @SuppressWarnings("unchecked")
  public Map<String, String> takeValues(String form) {
    var session = request.getSession(false);
    if (session == null) {
      return Map.of();
    }
    var values = (Map<String, String>) session.getAttribute(form + ".values");
    session.removeAttribute(form + ".values");
    return values == null ? Map.of() : values;
  }

  /** The anti-forgery token for forms on this page. */
  public String getCsrfToken() {
    return org.upskill.web.platform.CsrfFilter.token(request.getSession());
  }
}
