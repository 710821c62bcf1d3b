import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';

/** A route's handler as Nest registered it: its class and method, for reading their metadata. */
export interface RouteHandler {
  readonly controller: new (...args: never[]) => unknown;
  readonly handler: (...args: unknown[]) => unknown;
  /** Request parts its parameters read: `body`, `query`, and headers by lower-case name. */
  readonly reads: ReadonlySet<string>;
}

function readsOf(controller: object, method: string): Set<string> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { data?: unknown }
  >;
  const reads = new Set<string>();
  for (const [key, arg] of Object.entries(args)) {
    const type = Number(key.split(':')[0]);
    if (type === RouteParamtypes.BODY) reads.add('body');
    if (type === RouteParamtypes.QUERY) reads.add('query');
    if (type === RouteParamtypes.HEADERS && typeof arg.data === 'string') reads.add(arg.data.toLowerCase());
  }
  return reads;
}

/** Every route handler of the app by the OpenAPI operation id Nest's document gives it (`Controller_method`). */
export function routeHandlers(app: INestApplication): Map<string, RouteHandler> {
  const handlers = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        handlers.set(`${metatype.name}_${method}`, {
          controller: metatype as RouteHandler['controller'],
          handler: handler as RouteHandler['handler'],
          reads: readsOf(metatype, method),
        });
      }
    }
  }
  return handlers;
}
