/**
 * Copy buttons for citations (progressive enhancement): each button is hidden
 * until this runs, copies the text of its <pre> exactly, and says so in the
 * status beside it. Where the clipboard is not allowed, it selects the text
 * for the reader to copy.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const source = document.getElementById(button.dataset['copy'] ?? '')
  const status = button.nextElementSibling
  if (!source || !status) continue
  button.hidden = false
  button.addEventListener('click', async () => {
    const text = source.textContent ?? ''
    try {
      await navigator.clipboard.writeText(text)
      say(status, `Copied ${button.dataset['label'] ?? ''}`.trim())
    } catch {
      const range = document.createRange()
      range.selectNodeContents(source)
      document.getSelection()?.removeAllRanges()
      document.getSelection()?.addRange(range)
      say(status, 'Selected: press Ctrl+C (⌘C on a Mac) to copy')
    }
  })
}

/** Empty the live region first, so pressing again announces again. */
function say(status: Element, message: string): void {
  status.textContent = ''
  setTimeout(() => {
    status.textContent = message
  }, 50)
}
