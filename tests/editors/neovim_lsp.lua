-- Headless Neovim with its built-in LSP client: open a file, start `asynclint server`, wait for the
-- diagnostics and write them (line:col:source:code:message, 1-based) to $ASYNCLINT_OUT.
-- vim.lsp.start_client/buf_attach_client exist from Neovim 0.5 on (Debian 12 ships 0.7).
local python = assert(os.getenv("ASYNCLINT_PYTHON"))
local file = assert(os.getenv("ASYNCLINT_FILE"))
local root = assert(os.getenv("ASYNCLINT_ROOT"))
local out = assert(os.getenv("ASYNCLINT_OUT"))
local expected = tonumber(os.getenv("ASYNCLINT_EXPECTED") or "1")

vim.cmd("edit " .. vim.fn.fnameescape(file))
vim.bo.filetype = "python"
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "asynclint",
  cmd = { python, "-m", "asynclint.server" },
  cmd_cwd = root,
  root_dir = root,
})
vim.lsp.buf_attach_client(bufnr, client_id)
vim.wait(120000, function() return #vim.diagnostic.get(bufnr) >= expected end, 100)

local lines = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  table.insert(lines, string.format("%d:%d:%s:%s:%s", d.lnum + 1, d.col + 1, d.source or "", code,
    (d.message:gsub("\n", " "))))
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd("qall!")
