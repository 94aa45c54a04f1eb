// Shared by the campaign pages: API calls with the CSRF token, error text from problem details,
// and table cells. Everything the API returns is untrusted (names and reasons come from uploaded
// files): it is only ever set as textContent, never as HTML.
const cc = (() => {
  const meta = name => document.querySelector('meta[name="' + name + '"]')?.content;

  // The page renders the session's token (which also stores it in the XSRF-TOKEN cookie);
  // Spring Security expects it back in a header on every state-changing request.
  function csrfHeaders() {
    const token = meta('_csrf');
    return token ? { [meta('_csrf_header') || 'X-XSRF-TOKEN']: token } : {};
  }

  // Fetches JSON; rejects with an Error whose message is the problem's detail (RFC 9457), with
  // the HTTP status as .status and the whole problem (e.g. its list of problems) as .problem.
  async function api(method, path, body) {
    const headers = { Accept: 'application/json', ...(method === 'GET' ? {} : csrfHeaders()) };
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json() : null;
    if (!res.ok) {
      const message = (data && (data.detail || data.title)) || res.status + ' ' + res.statusText;
      const error = new Error(message);
      error.status = res.status;
      error.problem = data;
      throw error;
    }
    return data;
  }

  function cell(tr, value) {
    const td = document.createElement('td');
    if (value instanceof Node) td.append(value); else td.textContent = value == null ? '' : String(value);
    tr.append(td);
    return td;
  }

  function time(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
  }

  // Outcome codes the robot reports, with the Chinese label shown beside them.
  const OUTCOMES = {
    agreed: '同意', already_done: '已处理', refused: '拒绝', callback_scheduled: '预约回拨',
    wrong_person: '非本人', transferred: '转人工', do_not_call: '拒绝来电', question_ticket: '咨询工单',
    complaint_ticket: '投诉工单', no_response: '无应答', voicemail: '语音信箱', hung_up: '挂断', failed: '失败',
    ANSWERED: '接通', NO_ANSWER: '未接', BUSY: '忙线', CONGESTION: '线路拥塞', FAILED: '失败',
    DRAFT: '草稿', SCHEDULED: '已排期', RUNNING: '进行中', PAUSED: '已暂停', COMPLETED: '已完成', STOPPED: '已停止',
    BALANCE: '尾款提醒', DELAY: '延迟发货', REACTIVATE: '召回优惠'
  };
  function label(code) {
    if (code == null || code === '') return '';
    const zh = Object.hasOwn(OUTCOMES, code) ? OUTCOMES[code] : null;
    return zh ? code + ' ' + zh : code;
  }

  return { api, cell, time, label };
})();
