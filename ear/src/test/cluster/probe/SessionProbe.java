import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ha-smoke.sh's probe: GET /ha-probe/session?set=X keeps X in the session together with values of
 * the kinds Upskill keeps there (a record like SignedIn, maps and lists of strings); any GET answers
 * what the session holds, on which node, and how often it was used (a counter written back on every
 * request, as Upskill's notices and form values are).
 */
@WebServlet("/session")
public class SessionProbe extends HttpServlet {

  /** Shaped like Upskill's SignedIn: a Serializable record holding an immutable set. */
  public record Who(long id, String name, Set<String> roles) implements Serializable {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    var session = request.getSession();
    var set = request.getParameter("set");
    if (set != null) {
      session.setAttribute("value", set);
      session.setAttribute("who", new Who(42, set, Set.copyOf(List.of("learner", "trainer"))));
      var values = new LinkedHashMap<String, String>();
      values.put("title", set);
      session.setAttribute("form.values", values);
      session.setAttribute("form.errors", Map.of("title", "Enter a title."));
      session.setAttribute("notices", new ArrayList<>(List.of("Saved " + set)));
    }
    var count = (Integer) session.getAttribute("count");
    count = count == null ? 1 : count + 1;
    session.setAttribute("count", count);
    response.setContentType("text/plain");
    response.getWriter().printf(
        "node=%s session=%s new=%s value=%s who=%s form.values=%s form.errors=%s notices=%s count=%d%n",
        System.getProperty("jboss.node.name"), session.getId(), session.isNew(),
        session.getAttribute("value"), session.getAttribute("who"),
        session.getAttribute("form.values"), session.getAttribute("form.errors"),
        session.getAttribute("notices"), count);
  }
}
