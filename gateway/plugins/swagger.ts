// OpenAPI document generated from the route schemas, browsable at /docs (JSON at /docs/json).
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'GoChat REST API',
          description: 'Accounts, users, friends, conversations and history. Real-time traffic uses the WebSocket protocol (docs/protocol.md). Errors are `{code, message, field?}` with stable codes.',
          version: '1.0.0',
        },
        components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
        tags: [
          { name: 'auth' }, { name: 'users' }, { name: 'friends' }, { name: 'conversations' },
          { name: 'members' }, { name: 'groups' }, { name: 'messages' }, { name: 'health' },
        ],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'gochat-swagger', fastify: '5.x' },
);
