import { Controller, Get, Header, Param, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@tandem/auth';
import { ScimError, ScimErrorFilter } from './scim-error';
import { SCIM, SCIM_CONTENT_TYPE } from './scim-urns';
import {
  enterpriseUserSchema,
  listOf,
  serviceProviderConfig,
  userResourceType,
  userSchema,
} from './scim-discovery';
import { SCIM_MAX_RESULTS } from './scim-users.controller';

/** SCIM discovery (RFC 7644 §4): what this endpoint supports, readable without a token. */
@Controller('scim/v2')
@Public()
@ApiExcludeController()
@UseFilters(ScimErrorFilter)
export class ScimDiscoveryController {
  @Get('ServiceProviderConfig')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  config() {
    return serviceProviderConfig(SCIM_MAX_RESULTS);
  }

  @Get('ResourceTypes')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  resourceTypes() {
    return listOf([userResourceType]);
  }

  @Get('ResourceTypes/:id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  resourceType(@Param('id') id: string) {
    if (id !== 'User') throw new ScimError(404, `ResourceType ${id} not found`);
    return userResourceType;
  }

  @Get('Schemas')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  schemas() {
    return listOf([userSchema, enterpriseUserSchema]);
  }

  @Get('Schemas/:id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  schema(@Param('id') id: string) {
    if (id === SCIM.user) return userSchema;
    if (id === SCIM.enterpriseUser) return enterpriseUserSchema;
    throw new ScimError(404, `Schema ${id} not found`);
  }
}
