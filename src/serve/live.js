// casebook serve: reload this page when the site has been rebuilt. The server bumps a
// generation number on every build; the page knows the one it was served from.
(() => {
  const script = document.currentScript;
  const served = script ? script.dataset.generation : null;
  const poll = async () => {
    try {
      const response = await fetch("/__casebook/live", { cache: "no-store" });
      if (response.ok && (await response.text()) !== served) {
        location.reload();
        return;
      }
    } catch {
      // The server is restarting or gone: keep asking.
    }
    setTimeout(poll, 700);
  };
  setTimeout(poll, 700);
})();
