// Suggestions as you type for every search box (the ARIA 1.2 combobox pattern with a listbox popup).
// Without this script the boxes are plain forms that submit to /search, so nothing is lost.
(() => {
  "use strict";
  const cache = new Map();
  let counter = 0;

  function attach(input) {
    const form = input.form;
    if (!form || input.dataset.suggest === "on") return;
    input.dataset.suggest = "on";
    const id = "suggest-" + (++counter);
    const list = document.createElement("ul");
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    const status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.classList.add("has-suggestions");
    form.append(list, status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    input.autocomplete = "off";

    // wanted: the text whose suggestions may be shown; cleared by Escape, so a late answer does not reopen the list.
    let items = [], active = -1, timer = 0, wanted = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      const options = list.querySelectorAll("[role=option]");
      options.forEach((o, i) => o.setAttribute("aria-selected", i === index ? "true" : "false"));
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(suggestions) {
      // A later answer can replace the list after the reader has moved to an option: keep that option chosen.
      const chosen = active >= 0 && items[active] ? items[active].url : null;
      items = suggestions;
      list.replaceChildren(...suggestions.map((s, i) => {
        const option = document.createElement("li");
        option.id = id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const label = document.createElement("span");
        label.textContent = s.label;
        const kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = s.kind;
        option.append(label, " ", kind);
        // mousedown, not click: the input keeps focus, so blur does not close the list first.
        option.addEventListener("mousedown", e => { e.preventDefault(); go(i); });
        return option;
      }));
      status.textContent = suggestions.length === 0 ? "" : suggestions.length === 1 ? "1 suggestion" : suggestions.length + " suggestions";
      if (suggestions.length === 0) { close(); return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(chosen === null ? -1 : suggestions.findIndex(s => s.url === chosen));
    }

    function go(index) {
      const s = items[index];
      if (s) window.location.assign(s.url);
    }

    async function fetchSuggestions(q) {
      wanted = q;
      if (cache.has(q)) { show(cache.get(q)); list.dataset.answered = q; return; }
      try {
        // Answers to earlier keystrokes may arrive late: only the one for what the box holds now is shown.
        const response = await fetch("/search/suggest?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } });
        // Too many requests or any other failure: no suggestions, the form still works.
        if (!response.ok) { if (wanted === q) show([]); return; }
        const suggestions = await response.json();
        cache.set(q, suggestions);
        if (wanted === q && input.value.trim() === q) { show(suggestions); list.dataset.answered = q; }
      } catch {
        if (wanted === q) show([]);
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      wanted = null;
      if (q.length < 2) { show([]); return; }
      timer = setTimeout(() => fetchSuggestions(q), 150);
    });

    input.addEventListener("keydown", e => {
      const open = !list.hidden && items.length > 0;
      switch (e.key) {
        case "ArrowDown":
          if (!open) { if (items.length > 0) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } break; }
          e.preventDefault();
          highlight(active + 1 >= items.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!open) break;
          e.preventDefault();
          highlight(active <= 0 ? items.length - 1 : active - 1);
          break;
        case "Enter":
          if (open && active >= 0) { e.preventDefault(); go(active); }
          break;
        case "Escape":
          clearTimeout(timer);
          wanted = null;
          if (open) { e.preventDefault(); close(); }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("form[role=search] input[type=search]").forEach(attach);
})();
