// The gateway as a plugin: infrastructure plugins (ORM, Redis, Kafka, Temporal, attachment storage), then app
// plugins (errors, services, authentication, OpenAPI, WebSocket support), then routes.
// server.ts registers it on a real instance; tests register it on their own and use inject.
import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyServerOptions } from 'fastify';
import type { Config } from '../config/index.ts';
import { createLogger, type Logger } from '../runtime/logger.ts';
import { ID_FORMAT, isId } from '../contract/index.ts';
import authenticate from './plugins/authenticate.ts';
import errorHandler from './plugins/error-handler.ts';
import kafka from './plugins/kafka.ts';
import metrics from './plugins/metrics.ts';
import orm from './plugins/orm.ts';
import redis from './plugins/redis.ts';
import services from './plugins/services.ts';
import storage from './plugins/storage.ts';
import swagger from './plugins/swagger.ts';
import temporal from './plugins/temporal.ts';
import webApp from './plugins/web-app.ts';
import { registerRoutes } from './routes/index.ts';
import realtime from './ws/plugin.ts';

/** A readiness condition beyond the dependency probes: undefined when met, else why not. */
export interface ReadinessCheck {
  name: string;
  check(): string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** Conditions /readyz adds to its dependency probes (e.g. the downstream consumer joined). */
    readiness: ReadinessCheck[];
  }
}

/**
 * Instance options the gateway needs wherever it runs (server.ts and tests alike). The process
 * logger (runtime/logger.ts) is Fastify's too, so request lines carry the request id beside the
 * process and gateway id.
 */
export function serverOptions(config: Config, logger: Logger = createLogger({ process: 'gateway', level: config.logLevel, gatewayId: config.gatewayId })): FastifyServerOptions {
  return {
    loggerInstance: logger,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    requestIdHeader: 'x-request-id',
    // A request that trickles in for longer than this is cut off (slow-loris).
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
    // Plugins wait for their dependencies with budgets of their own (ensureTopics retries for
    // several seconds while a just-started Kafka elects leaders); Fastify's default 10 s gave up
    // first and the gateway exited on a cold broker.
    pluginTimeout: 60_000,
    routerOptions: { maxParamLength: 100 },
    // A URL the router cannot read (bad percent-encoding, an over-long path parameter) is
    // answered in the contract's shape like any other bad input.
    frameworkErrors: (error, _request, reply) => {
      // The options' reply type is generic over routes that do not exist yet.
      void (reply as unknown as FastifyReply).status(400).send({ code: 'VALIDATION_ERROR', message: error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'url: a path parameter is too long' : 'url: is not a valid URL' });
    },
    // Responses with unions are checked by the serializer's own Ajv: it must know the id format.
    serializerOpts: { ajv: { formats: { [ID_FORMAT]: isId } } },
  };
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    app.decorate('config', config);
    app.decorate('readiness', [] as ReadinessCheck[]);
    // TypeBox checks bodies without coercion (a string is never silently a number) and converts
    // only querystring and path parameters; unknown properties are refused, not stripped.
    app.setValidatorCompiler(TypeBoxValidatorCompiler);

    await app.register(errorHandler);
    await app.register(metrics);
    await app.register(orm, { config });
    await app.register(redis, { config });
    await app.register(kafka, { config });
    await app.register(temporal, { config });
    await app.register(storage, { config });

    await app.register(services, { config });
    await app.register(authenticate);
    await app.register(swagger);
    // Frames up to the limit get an error frame from the session; only far larger ones are cut
    // off by the socket itself (close 1009) so a client cannot make the gateway buffer much.
    await app.register(websocket, { options: { maxPayload: config.ws.maxFrameBytes * 4 } });

    await registerRoutes(app, {
      maxContentBytes: config.chat.maxContentBytes,
      authenticate: (request) => app.authenticate(request),
      attachmentsPublicUrl: config.attachments.publicUrl,
    });
    await app.register(realtime, { config });
    await app.register(webApp);
  },
  { name: 'gochat-gateway', fastify: '5.x' },
);
