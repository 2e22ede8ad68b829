// live-ticker from Vue 3. With templates, tell the compiler the tags are custom elements:
//   app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('live-ticker')
// and write <live-ticker :feed-url="url" heading="…" @live-ticker-status="onStatus" />.
// Here a render function, so the example needs no template compiler.
import { createApp, h, ref } from 'vue';
import 'live-ticker/define';
import type { LiveTickerStatusEvent } from 'live-ticker';

createApp({
  setup() {
    const status = ref('…');
    return () =>
      h('main', [
        h('live-ticker', {
          'feed-url': '/feeds/vue/feed.json',
          heading: 'Meer uit Buitenland',
          'max-items': 5,
          onLiveTickerStatus: (event: LiveTickerStatusEvent) => (status.value = event.status),
        }),
        h('p', { id: 'status' }, `status: ${status.value}`),
      ]);
  },
}).mount('#app');
