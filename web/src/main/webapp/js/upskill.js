// Progressive enhancement only: every page works without this file.
import { initAll } from '../govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

const attemptForm = document.getElementById('attempt-form');
const countdown = document.getElementById('countdown');
if (attemptForm || countdown) {
  import('./attempt.js').then(({ enhanceAttempt, startCountdown }) => {
    const attempt = attemptForm ? enhanceAttempt(attemptForm) : null;
    const submitForm = document.getElementById('submit-form');
    if (countdown) {
      startCountdown(countdown, () => {
        if (attempt) {
          attempt.timeUp();
        } else if (submitForm) {
          submitForm.submit();
        }
      });
    }
  });
}

const lessonForm = document.getElementById('lesson-form');
const lessonPreview = document.getElementById('preview');
if (lessonForm && lessonPreview) {
  import('./lesson-editor.js').then(({ livePreview }) => {
    livePreview(lessonForm, document.getElementById('markdown'), lessonPreview);
  });
}

const questionForm = document.getElementById('question-form');
if (questionForm) {
  import('./question-form.js').then(({ revealChosenType }) => revealChosenType(questionForm));
}

const uploadForm = document.getElementById('upload-form');
if (uploadForm) {
  import('./bulk-enrolment.js').then(({ enhanceUpload }) => enhanceUpload(uploadForm));
}

const trendChart = document.getElementById('trend-chart-container');
const trendTable = document.getElementById('trend-table');
if (trendChart && trendTable) {
  import('./compliance-chart.js').then(({ drawTrend }) => drawTrend(trendChart, trendTable));
}

// A table's scrolling region (see up:table) is in the Tab order only while it has something to
// scroll: without this script every region stays focusable, which is the safe way round.
const scrollRegions = document.querySelectorAll('.upskill-scroll-region');
if (scrollRegions.length > 0 && 'ResizeObserver' in window) {
  const follow = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (target.scrollWidth > target.clientWidth) {
        target.setAttribute('tabindex', '0');
      } else {
        target.removeAttribute('tabindex');
      }
    }
  });
  scrollRegions.forEach((region) => follow.observe(region));
}
