// With JavaScript, the question form shows only the parts of the chosen type. Without it, every
// type's parts are shown with their labels, and the server reads only the chosen type's.
// (GOV.UK Frontend's conditional reveal would set aria-expanded on the radios, which ARIA does
// not allow on a radio button.)
export function revealChosenType(form) {
  const radios = Array.from(form.querySelectorAll('input[name="type"][data-reveals]'));
  const update = () => {
    radios.forEach((radio) => {
      const section = document.getElementById(radio.dataset.reveals);
      if (section) {
        section.hidden = !radio.checked;
      }
    });
  };
  radios.forEach((radio) => radio.addEventListener('change', update));
  update();
}
