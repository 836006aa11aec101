// The portal's only script, served from the portal itself (the Content-Security-Policy allows no
// inline script): a button marked data-print prints the page.
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) {
    window.print();
  }
});
