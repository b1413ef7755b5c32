package handlers

import "github.com/gin-gonic/gin"

func (w *web) queue(c *gin.Context) { c.String(404, "not yet") }

func (w *web) bulkAssign(c *gin.Context) { c.String(404, "not yet") }
