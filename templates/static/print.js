// Print buttons (audit lists, receipts): hidden until this script shows them, as printing needs JavaScript.
document.querySelectorAll("[data-print]").forEach(function (b) {
  b.hidden = false;
  b.addEventListener("click", function () { window.print(); });
});
