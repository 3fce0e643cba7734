-- Neovim end-to-end test of `pcluster-lint lsp` (run by tests/lsp/nvim_test.cc):
--   PCL_BINARY=... nvim --headless -n -i NONE -u tests/lsp/nvim_e2e.lua FILE.yaml
-- The first half is the editor config a user would write (attach the server to YAML files);
-- the second half opens FILE, waits for diagnostics, applies the did-you-mean code action and
-- checks the buffer. Exits 0 on success, 1 with a message on stderr otherwise.
vim.cmd('filetype on')
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'yaml',
  callback = function(args)
    local client = vim.lsp.start_client({
      name = 'pcluster-lint',
      cmd = { os.getenv('PCL_BINARY'), 'lsp' },
      root_dir = vim.fn.fnamemodify(args.file, ':p:h'),
    })
    vim.lsp.buf_attach_client(args.buf, client)
  end,
})

local function fail(message)
  io.stderr:write('nvim e2e: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function finding(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp
    if (lsp and lsp.code == code) or d.code == code then return d end
  end
  return nil
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(function()
      local bufnr = vim.api.nvim_get_current_buf()
      if vim.bo[bufnr].filetype ~= 'yaml' then return fail('the fixture is not detected as yaml') end
      if not vim.wait(20000, function() return finding(bufnr, 'PCL1001') ~= nil end, 50) then
        return fail('no PCL1001 diagnostic arrived')
      end
      local d = finding(bufnr, 'PCL1001')
      local params = {
        textDocument = vim.lsp.util.make_text_document_params(bufnr),
        range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.lnum, character = d.col } },
        context = { diagnostics = {} },
      }
      local replies = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
      local action
      for _, reply in pairs(replies) do
        for _, candidate in ipairs(reply.result or {}) do
          if candidate.title == "Replace with 'InstanceType'" then action = candidate end
        end
      end
      if not action then return fail('no did-you-mean code action') end
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
      if line ~= '  InstanceType: t3.micro' then return fail('buffer line is ' .. vim.inspect(line)) end
      -- The edit reaches the server as didChange; the finding goes away.
      if not vim.wait(20000, function() return finding(bufnr, 'PCL1001') == nil end, 50) then
        return fail('PCL1001 is still reported after the fix')
      end
      io.stderr:write('nvim e2e: ok\n')
      vim.cmd('qall!')
    end)
    if not ok then fail(tostring(err)) end
  end,
})
