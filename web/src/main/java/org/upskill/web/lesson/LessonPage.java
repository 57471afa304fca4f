package org.upskill.web.lesson;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.upskill.learning.boundary.Learning;
import org.upskill.learning.boundary.LessonView;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/** A lesson ({@code /courses/{code}/lessons/{n}}), for a person on the course. */
@Named
@RequestScoped
public class LessonPage {

  @Inject Learning learning;
  @Inject MarkdownRenderer markdown;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private LessonView lesson;
  private String html;

  /** View action: signs the person in if needed, then opens the lesson or refuses. */
  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    var number = Integer.parseInt((String) request.getAttribute(PrettyUrlFilter.NUMBER));
    try {
      lesson = learning.open(viewer.personId(), code, number);
      html = markdown.toSafeHtml(lesson.markdown());
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
    }
  }

  public LessonView getLesson() {
    return lesson;
  }

  /** The lesson's text as sanitised HTML. */
  public String getHtml() {
    return html;
  }
}
