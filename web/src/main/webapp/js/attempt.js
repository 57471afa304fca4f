// Progressive enhancement of a quiz attempt: autosave and a live countdown. Without this file
// every page change saves and the deadline is shown as text; the server enforces the time limit.

const AUTOSAVE_MS = 5000; // a changed answer reaches the server within 10 s

export function enhanceAttempt(form) {
  const status = document.getElementById('save-status');
  const sequence = form.querySelector('input[name="sequence"]');
  let dirty = false;
  let inFlight = null;
  let submitting = false;

  const say = (text) => { if (status) status.textContent = text; };

  async function save() {
    if (submitting || !dirty || inFlight) return inFlight;
    dirty = false;
    const body = new URLSearchParams(new FormData(form));
    body.set('go', 'autosave');
    inFlight = fetch(form.action, {
      method: 'POST',
      body,
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin',
    }).then(async (response) => {
      const json = await response.json().catch(() => ({}));
      if (response.ok && json.accepted) {
        sequence.value = json.sequence;
        say('Answers saved at ' + json.savedAtText + '.');
      } else if (json.ended) {
        say('This attempt has ended. Your answers saved before the deadline are kept.');
        window.location.assign(json.review);
      } else if (response.status === 409) {
        // Out of date (saved from another tab): stop autosaving; the message says what to do.
        window.clearInterval(autosave);
        say(json.message);
      } else {
        dirty = true;
        say(json.message || 'Your answers could not be saved just now. They will be saved when you move on.');
      }
    }).catch(() => {
      dirty = true;
      say('You seem to be offline. Your answers will be saved when the connection returns.');
    }).finally(() => { inFlight = null; });
    return inFlight;
  }

  form.addEventListener('input', () => { dirty = true; });
  form.addEventListener('change', () => { dirty = true; });
  const autosave = window.setInterval(save, AUTOSAVE_MS);

  // A page change must carry the sequence number of the last autosave: wait for one in flight, and
  // start no other once the page is on its way (an autosave sent after it would use up its sequence
  // number first, and the page change would be refused as out of date).
  form.addEventListener('submit', (event) => {
    if (submitting) return;
    window.clearInterval(autosave);
    if (!inFlight) {
      submitting = true;
      return;
    }
    event.preventDefault();
    const button = event.submitter;
    inFlight.finally(() => {
      submitting = true;
      if (button && button.name) {
        const carry = document.createElement('input');
        carry.type = 'hidden';
        carry.name = button.name;
        carry.value = button.value;
        form.appendChild(carry);
      }
      form.submit();
    });
  });

  // Back to this page from the browser's cache: autosave has stopped, so load it afresh.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) window.location.reload();
  });

  return { timeUp: () => {
    window.clearInterval(autosave);
    submitting = true;
    const go = document.createElement('input');
    go.type = 'hidden';
    go.name = 'go';
    go.value = 'timeup';
    form.appendChild(go);
    const send = () => form.submit();
    (inFlight || Promise.resolve()).finally(send);
  } };
}

export function startCountdown(element, onTimeUp) {
  const deadline = Number(element.dataset.deadline);
  if (!deadline) return;
  // The server's clock decides: measure from the time the page was rendered.
  const skew = Number(element.dataset.now) - Date.now();
  const value = document.getElementById('countdown-value');
  const announcer = document.getElementById('timer-announcer');
  const announced = new Set();
  element.hidden = false;

  function tick() {
    const left = Math.max(0, deadline - (Date.now() + skew));
    const minutes = Math.floor(left / 60000);
    const seconds = Math.floor((left % 60000) / 1000);
    value.textContent = minutes + ' min ' + String(seconds).padStart(2, '0') + ' s';
    if (left <= 5 * 60000) element.classList.add('upskill-countdown--low');
    for (const mark of [5, 1]) {
      if (left <= mark * 60000 && left > (mark - 1) * 60000 && !announced.has(mark) && announcer) {
        announced.add(mark);
        announcer.textContent = mark === 1 ? '1 minute left.' : mark + ' minutes left.';
      }
    }
    if (left === 0) {
      window.clearInterval(timer);
      if (announcer) announcer.textContent = 'Time is up. Your attempt is being submitted.';
      onTimeUp();
    }
  }
  const timer = window.setInterval(tick, 1000);
  tick();
}
