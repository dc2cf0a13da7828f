// Server-Sent Events over fetch (so that the token goes in a header, never in a URL).
window.mdobotStream = function (url, token, onEvent, signal) {
  return fetch(url, { headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' }, cache: 'no-store', signal })
    .then(async (response) => {
      if (!response.ok) throw new Error('stream ' + response.status);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) name = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) onEvent(name, JSON.parse(data));
        }
      }
    });
};
