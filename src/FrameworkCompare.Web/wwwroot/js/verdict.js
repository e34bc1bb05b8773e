// The verdict form works without this script. With it, the address lists only the weights changed from their
// defaults (the site would redirect there anyway) and the share address can be copied with one click.
(() => {
    const form = document.querySelector('form.priorities');
    if (form) {
        form.addEventListener('submit', () => {
            for (const select of form.querySelectorAll('select[data-default]')) {
                if (select.value === select.dataset.default) select.disabled = true;
            }
            // Re-enable after the browser has read the form, so going back shows every field usable.
            setTimeout(() => { for (const select of form.querySelectorAll('select[disabled]')) select.disabled = false; }, 0);
        });
    }
    for (const button of document.querySelectorAll('button[data-copy]')) {
        const field = document.querySelector(button.dataset.copy);
        if (!field || !navigator.clipboard) continue;
        button.hidden = false;
        button.addEventListener('click', async () => {
            try {
                await navigator.clipboard.writeText(field.value);
                button.textContent = 'Copied';
            } catch {
                field.select();
            }
        });
    }
})();
