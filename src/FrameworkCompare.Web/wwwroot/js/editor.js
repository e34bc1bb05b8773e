// The workspace editor, enhanced: checks the text as you type, autosaves the draft every few seconds and
// when the page is left, and keeps unsaved text in this browser until the server confirms it.
(() => {
  const form = document.getElementById("editor");
  if (!form) return;
  const text = form.querySelector("textarea[name=Text]");
  const message = form.querySelector("input[name=Message]");
  const baseHash = form.querySelector("input[name=BaseHash]");
  const token = form.querySelector("input[name=__RequestVerificationToken]").value;
  const status = document.getElementById("autosave-status");
  const problems = document.getElementById("live-problems");
  const path = form.dataset.path;
  const storageKey = "fc-draft:" + path;
  const serverSavedAt = Number(form.dataset.savedAt || 0);
  let lastSaved = text.value;
  let checkTimer = 0;
  let submitting = false;

  const post = (url, body, keepalive = false) => fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "RequestVerificationToken": token, "Accept": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
    keepalive,
  });

  const keepLocally = () => {
    try { localStorage.setItem(storageKey, JSON.stringify({ text: text.value, message: message.value, baseHash: baseHash.value, at: Date.now() })); } catch { /* storage full or off */ }
  };

  // Text this browser kept that the server never confirmed comes back first.
  try {
    const kept = JSON.parse(localStorage.getItem(storageKey) || "null");
    if (kept && kept.text !== text.value && kept.at > serverSavedAt) {
      text.value = kept.text;
      message.value = kept.message || message.value;
      status.textContent = "Restored text this browser kept from your last visit; it is not saved on the server yet.";
    } else if (kept && kept.text === text.value) {
      localStorage.removeItem(storageKey);
    }
  } catch { /* unreadable entry: ignore */ }

  const save = async (keepalive = false) => {
    // A submitted form saves (or publishes) on the server; an autosave racing it could bring back a published draft.
    if (submitting || text.value === lastSaved) return;
    const sent = text.value;
    keepLocally();
    try {
      const response = await post(form.dataset.autosaveUrl, { path, text: sent, baseHash: baseHash.value || null, message: message.value || null }, keepalive);
      if (response.ok) {
        lastSaved = sent;
        if (text.value === sent) localStorage.removeItem(storageKey);
        status.textContent = "Draft saved at " + new Date().toLocaleTimeString() + ".";
      } else if (response.status === 401) {
        status.innerHTML = "";
        status.append("Your session has ended. Your text is kept in this browser; ");
        const link = document.createElement("a");
        link.href = "/account/login?ReturnUrl=" + encodeURIComponent(location.pathname);
        link.target = "_blank";
        link.textContent = "sign in again in a new tab";
        status.append(link, " and saving resumes.");
      } else {
        status.textContent = "Could not save the draft (" + response.status + "); your text is kept in this browser.";
      }
    } catch {
      status.textContent = "Offline: your text is kept in this browser and saved when the site answers.";
    }
  };

  const check = async () => {
    try {
      const response = await post(form.dataset.checkUrl, { path, text: text.value });
      // 422 carries the problems of a text that would be refused; anything else is not a check result.
      if (!response.ok && response.status !== 422) return;
      const found = await response.json();
      problems.replaceChildren();
      if (found.length === 0) { problems.textContent = "No problems found."; return; }
      const list = document.createElement("ul");
      for (const p of found) {
        const item = document.createElement("li");
        item.textContent = "Line " + p.line + ": " + (p.isWarning ? "warning: " : "") + p.message;
        list.append(item);
      }
      problems.append(list);
    } catch { /* the next keystroke tries again */ }
  };

  text.addEventListener("input", () => {
    keepLocally();
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 600);
  });
  message.addEventListener("input", keepLocally);
  setInterval(save, 5000);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") save(true); });
  window.addEventListener("pagehide", () => save(true));
  // A form submission saves on the server anyway; what this browser kept is cleared when that page loads.
  form.addEventListener("submit", () => { submitting = true; keepLocally(); });
})();
