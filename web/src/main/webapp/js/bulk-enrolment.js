// Upload progress for a bulk-enrolment file. Without this file the form posts as usual and the
// browser shows its own progress. With it, the upload goes through XMLHttpRequest so that a
// progress bar and a status line (announced politely) say how far it got; the server answers
// with the address to open (the check of the file, or this form with the reason it was refused).
export function enhanceUpload(form) {
  const box = document.getElementById('upload-progress');
  const bar = document.getElementById('upload-bar');
  const status = document.getElementById('upload-status');
  form.addEventListener('submit', (event) => {
    const file = form.querySelector('input[type="file"]');
    if (!file.files.length || !window.FormData) {
      return; // let the server say what is missing
    }
    event.preventDefault();
    box.hidden = false;
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('X-Upskill-Want', 'location');
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        const percent = Math.round((e.loaded / e.total) * 100);
        bar.value = percent;
        bar.textContent = `${percent}%`;
        status.textContent = percent < 100 ? `Uploaded ${percent}%` : 'Uploaded. Checking every row…';
      }
    });
    request.addEventListener('load', () => {
      const target = request.status === 200 ? request.responseText : '';
      if (target.startsWith('/')) {
        window.location.assign(target);
      } else {
        status.textContent = 'The file could not be checked. Reload the page and try again.';
      }
    });
    request.addEventListener('error', () => {
      status.textContent = 'The upload failed. Check your connection and try again.';
    });
    request.send(new FormData(form));
  });
}
