package io.ttx.shared.stores;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.DefaultTransportOptions;
import co.elastic.clients.transport.ElasticsearchTransportBase;

/** The Elasticsearch client's transport over {@link NettyElasticsearchHttp}. */
final class NettyElasticsearchTransport extends ElasticsearchTransportBase {
    NettyElasticsearchTransport(NettyElasticsearchHttp http, JsonpMapper mapper) {
        super(http, DefaultTransportOptions.EMPTY, mapper);
    }
}
