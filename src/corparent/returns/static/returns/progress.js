// While a background task runs, ask for its progress every two seconds and show it; reload the page
// when it has finished. Without JavaScript the page offers a "Check again" link instead.
for (const box of document.querySelectorAll("[data-status-url][data-running]")) {
  const message = box.querySelector("[data-status-message]");
  const bar = box.querySelector("[data-status-progress]");
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.statusUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.ok) {
        const status = await response.json();
        if (!status.running) {
          window.location.reload();
          return;
        }
        message.textContent = `${status.message} (${status.progress}% done)`;
        bar.value = status.progress;
        bar.textContent = `${status.progress}%`;
      }
    } catch {
      // the next poll tries again
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 1000);
}
