package org.upskill.api.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upskill.api.problem.InvalidInput;
import org.upskill.api.security.Caller;
import org.upskill.assessment.boundary.AttemptResult;
import org.upskill.assessment.boundary.AttemptView;
import org.upskill.assessment.boundary.QuizOverview;
import org.upskill.assessment.boundary.Quizzes;
import org.upskill.assessment.boundary.Review;
import org.upskill.assessment.boundary.SaveResult;
import org.upskill.assessment.control.Answer;
import org.upskill.assessment.control.AnswerJson;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Refusal;

/**
 * Taking a quiz over the API, as the caller (a learner's own token): the quiz's page, start or
 * continue an attempt, save responses, submit, review. Someone else's attempt is a 404. Correct
 * answers appear only in a review, when the quiz's review options allow.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"learner", "trainer", "manager", "admin"})
public class QuizzesResource {

  @Inject Caller caller;
  @Inject People people;
  @Inject Quizzes quizzes;

  @GET
  @Path("quizzes/{id}")
  @Operation(summary = "A quiz's settings, what applies to the caller, and their attempts")
  public QuizOverview quiz(@PathParam("id") long id) {
    return quizzes.overview(me(), id);
  }

  @POST
  @Path("quizzes/{id}/attempts")
  @Operation(summary = "Start an attempt, or get the one in progress (its questions are frozen)")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "201",
      description = "The attempt, with its frozen questions",
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = "application/json",
              schema =
                  @org.eclipse.microprofile.openapi.annotations.media.Schema(
                      implementation = AttemptView.class)))
  public Response start(@PathParam("id") long id) {
    var me = me();
    var attempt = quizzes.startAndShow(me, id);
    return Response.status(Response.Status.CREATED)
        .header("Location", "/api/v1/attempts/" + attempt.id())
        .entity(attempt)
        .build();
  }

  @GET
  @Path("attempts/{id}")
  @Operation(summary = "An attempt of the caller, with the saved answers and the sequence number")
  public AttemptView attempt(@PathParam("id") long id) {
    return quizzes.attempt(me(), id);
  }

  @PUT
  @Path("attempts/{id}/responses")
  @Operation(
      summary =
          "Save answers by slot: {sequence, responses: {\"1\": {choices|text|sequence|matches}}};"
              + " 409 when the sequence is out of date or the attempt has ended (the last save"
              + " sent again is answered 200 with the current sequence, changing nothing)")
  public SaveResult save(@PathParam("id") long id, Responses body) {
    var result = quizzes.save(me(), id, sequence(body), answers(body));
    if (!result.accepted()) {
      throw Refusal.conflict(
          "This attempt has ended, so this save was not counted. See the attempt's review.");
    }
    return result;
  }

  @POST
  @Path("attempts/{id}/submit")
  @Operation(
      summary =
          "Submit (idempotent: the same result every time), optionally with last answers:"
              + " {sequence, responses}")
  public AttemptResult submit(@PathParam("id") long id, Responses body) {
    return quizzes.submit(me(), id, sequence(body), answers(body));
  }

  @GET
  @Path("attempts/{id}/review")
  @Operation(summary = "A submitted attempt as the quiz's review options allow now")
  public Review review(@PathParam("id") long id) {
    return quizzes.review(me(), id);
  }

  private long me() {
    return people.idOf(caller.identity());
  }

  /**
   * A save's or a submit's body: the attempt's current sequence number and answers by slot number
   * (each with choices, text, sequence or matches). Nothing else is accepted (the API's strict
   * reader refuses other members, wrong types and numbers out of range, naming the field).
   */
  public record Responses(Integer sequence, Map<String, Answer> responses) {}

  private static int sequence(Responses body) {
    if (body == null) {
      throw InvalidInput.of("body", "Send a JSON object with the attempt's current 'sequence'.");
    }
    if (body.sequence() == null || body.sequence() < 0) {
      throw InvalidInput.of(
          "sequence", "The attempt's current sequence number: a whole number from 0.");
    }
    return body.sequence();
  }

  private static Map<Integer, Answer> answers(Responses body) {
    Map<Integer, Answer> answers = new HashMap<>();
    if (body.responses() == null) {
      return answers;
    }
    var errors = new LinkedHashMap<String, String>();
    body.responses()
        .forEach(
            (slot, answer) -> {
              var field = "responses." + slot;
              if (!slot.matches("[1-9]\\d{0,3}")) {
                errors.put(field, "Slots are numbers, from 1.");
              } else if (answer == null) {
                errors.put(field, "Each answer is an object.");
              } else {
                try {
                  answers.put(Integer.valueOf(slot), AnswerJson.requireWithinLimits(answer));
                } catch (IllegalArgumentException e) {
                  errors.put(field, e.getMessage() + ".");
                }
              }
            });
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return answers;
  }
}
