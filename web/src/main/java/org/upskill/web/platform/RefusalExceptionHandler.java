package org.upskill.web.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.upskill.platform.boundary.Refusal;

/**
 * Faces' own extension point for exceptions, so that a form's action (or a view action) that the
 * core refuses ends on the error page with the refusal's status and words, as {@code /action/…}
 * does, instead of a 500; and a postback whose view state Faces does not know (the session ended,
 * or the form did not come from Upskill) gets the same 403 as a form without its anti-forgery
 * token. Any other exception goes on to the container as before (a database failure there becomes a
 * 503 in {@link DatabaseFailureFilter}).
 */
public class RefusalExceptionHandler extends ExceptionHandlerWrapper {

  /** Registered in faces-config.xml. */
  public static class Factory extends ExceptionHandlerFactory {

    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new RefusalExceptionHandler(getWrapped().getExceptionHandler());
    }
  }

  RefusalExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    var events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      var thrown = events.next().getContext().getException();
      var refusal = refusalIn(thrown);
      if (refusal != null) {
        events.remove();
        send(Errors.status(refusal), refusal.getMessage());
        break;
      }
      if (expiredView(thrown)) {
        events.remove();
        send(HttpServletResponse.SC_FORBIDDEN, CsrfFilter.EXPIRED);
        break;
      }
    }
    getWrapped().handle();
  }

  private static void send(int status, String message) {
    var context = FacesContext.getCurrentInstance();
    if (context.getExternalContext().isResponseCommitted()) {
      return;
    }
    try {
      context.getExternalContext().responseSendError(status, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
  }

  private static boolean expiredView(Throwable thrown) {
    for (var cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ViewExpiredException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  static Refusal refusalIn(Throwable thrown) {
    for (var cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal refusal) {
        return refusal;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
